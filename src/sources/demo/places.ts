// The place table behind the gazetteer: country -> admin1 -> places, each as
// [admin2, location, latitude, longitude]. Spellings follow ACLED (ASCII, e.g.
// "Segou", "Tillaberi", "Fada N'Gourma"); coordinates are approximate town
// centres to 4 decimals. Covers the Sahel theatres plus the coastal states'
// northern borderlands and capitals.
import type { CountryName } from './gazetteer.js';

export type PlaceRow = readonly [admin2: string, location: string, latitude: number, longitude: number];

// country -> admin1 -> [admin2, location, lat, lon]
export const PLACE_TABLE: Readonly<Record<CountryName, Readonly<Record<string, readonly PlaceRow[]>>>> = {
  Mali: {
    Bamako: [['Bamako', 'Bamako', 12.6392, -8.0029]],
    Kayes: [
      ['Kayes', 'Kayes', 14.4469, -11.4456],
      ['Nioro', 'Nioro du Sahel', 15.2304, -9.59],
      ['Diema', 'Diema', 14.5401, -9.186],
    ],
    Koulikoro: [
      ['Koulikoro', 'Koulikoro', 12.8628, -7.5599],
      ['Kati', 'Kati', 12.7441, -8.0726],
      ['Nara', 'Nara', 15.1681, -7.2863],
      ['Banamba', 'Banamba', 13.549, -7.448],
    ],
    Sikasso: [
      ['Sikasso', 'Sikasso', 11.3176, -5.6665],
      ['Koutiala', 'Koutiala', 12.3917, -5.4642],
      ['Bougouni', 'Bougouni', 11.4177, -7.4832],
      ['Kadiolo', 'Kadiolo', 10.5583, -5.7631],
    ],
    Segou: [
      ['Segou', 'Segou', 13.4317, -6.2157],
      ['Segou', 'Markala', 13.6737, -6.075],
      ['Niono', 'Niono', 14.2526, -5.993],
      ['Niono', 'Diabaly', 14.6869, -6.0158],
      ['Niono', 'Sokolo', 14.7333, -6.1167],
      ['Macina', 'Macina', 13.9628, -5.3572],
      ['San', 'San', 13.3034, -4.8956],
      ['Tominian', 'Tominian', 13.2861, -4.3897],
      ['Bla', 'Bla', 12.95, -5.76],
      ['Baroueli', 'Baraoueli', 13.0747, -6.8394],
    ],
    Mopti: [
      ['Mopti', 'Mopti', 14.4843, -4.1827],
      ['Mopti', 'Sevare', 14.5328, -4.096],
      ['Mopti', 'Konna', 14.946, -3.889],
      // Moura: chef-lieu of Togue Mourari commune, Djenne cercle. Published positions
      // differ (another gazetteer gives 14.3278, -4.6000); both lie between Djenne and Mopti.
      ['Djenne', 'Moura', 14.1303, -4.4714],
      ['Djenne', 'Djenne', 13.9061, -4.555],
      ['Djenne', 'Sofara', 14.0167, -4.25],
      ['Djenne', 'Madiama', 13.8, -4.4],
      ['Bandiagara', 'Bandiagara', 14.35, -3.6106],
      ['Bandiagara', 'Sangha', 14.4667, -3.3],
      ['Bankass', 'Bankass', 14.0773, -3.5172],
      ['Koro', 'Koro', 14.0685, -3.0781],
      ['Douentza', 'Douentza', 15.002, -2.9497],
      ['Douentza', 'Boni', 15.0458, -1.9947],
      ['Douentza', 'Hombori', 15.2833, -1.7],
      ['Douentza', 'Mondoro', 14.6761, -1.9511],
      ['Tenenkou', 'Tenenkou', 14.4572, -4.9169],
      ['Tenenkou', 'Dioura', 14.8333, -5.25],
      ['Tenenkou', 'Sossobe', 14.5608, -4.6747],
      ['Tenenkou', 'Toguere Coumbe', 14.9181, -4.5933],
      ['Youwarou', 'Youwarou', 15.3833, -4.25],
    ],
    Timbuktu: [
      ['Timbuktu', 'Timbuktu', 16.7666, -3.0026],
      ['Goundam', 'Goundam', 16.4145, -3.6708],
      ['Niafunke', 'Niafunke', 15.9322, -3.9906],
      ['Niafunke', 'Lere', 15.7167, -4.9167],
      ['Dire', 'Dire', 16.2797, -3.395],
      ['Gourma-Rharous', 'Gourma-Rharous', 16.8797, -1.9236],
      ['Gourma-Rharous', 'Gossi', 15.8167, -1.3],
    ],
    Gao: [
      ['Gao', 'Gao', 16.2717, -0.0447],
      ['Ansongo', 'Ansongo', 15.6597, 0.5022],
      ['Bourem', 'Bourem', 16.9561, -0.3494],
    ],
    Kidal: [
      ['Kidal', 'Kidal', 18.4411, 1.4078],
      ['Kidal', 'Anefis', 18.05, 0.6],
      ['Tessalit', 'Aguelhok', 19.4614, 0.8581],
      ['Tessalit', 'Tessalit', 20.1986, 1.0114],
    ],
    Menaka: [
      ['Menaka', 'Menaka', 15.9182, 2.4022],
      ['Anderamboukane', 'Anderamboukane', 15.4209, 3.027],
      ['Inekar', 'Inekar', 15.95, 3.15],
    ],
  },
  'Burkina Faso': {
    Centre: [['Kadiogo', 'Ouagadougou', 12.3714, -1.5197]],
    Sahel: [
      ['Soum', 'Djibo', 14.101, -1.6269],
      ['Soum', 'Arbinda', 14.229, -0.8677],
      ['Seno', 'Dori', 14.0354, -0.0345],
      ['Oudalan', 'Gorom-Gorom', 14.4428, -0.236],
      ['Oudalan', 'Markoye', 14.65, 0.038],
      ['Yagha', 'Sebba', 13.4364, 0.5304],
    ],
    Nord: [
      ['Loroum', 'Titao', 13.7667, -2.0667],
      ['Yatenga', 'Ouahigouya', 13.5828, -2.4216],
      ['Zondoma', 'Gourcy', 13.2083, -2.3586],
      ['Passore', 'Yako', 12.9595, -2.2623],
    ],
    'Centre-Nord': [
      ['Bam', 'Kongoussi', 13.326, -1.5339],
      ['Sanmatenga', 'Kaya', 13.0917, -1.0844],
      ['Sanmatenga', 'Barsalogho', 13.4167, -1.05],
      ['Sanmatenga', 'Pissila', 13.1667, -0.8167],
      ['Namentenga', 'Boulsa', 12.6667, -0.5667],
      ['Namentenga', 'Tougouri', 13.3167, -0.5167],
    ],
    Est: [
      ['Gourma', "Fada N'Gourma", 12.0616, 0.3584],
      ['Gnagna', 'Bogande', 12.9714, -0.1436],
      ['Komondjari', 'Gayeri', 12.6486, 0.4933],
      ['Kompienga', 'Pama', 11.2487, 0.7043],
      ['Tapoa', 'Diapaga', 12.0706, 1.7888],
      ['Tapoa', 'Kantchari', 12.4767, 1.5136],
    ],
    'Boucle du Mouhoun': [
      ['Mouhoun', 'Dedougou', 12.4634, -3.4608],
      ['Sourou', 'Tougan', 13.0686, -3.0703],
      ['Kossi', 'Nouna', 12.7294, -3.8639],
      ['Banwa', 'Solenzo', 12.1833, -4.0833],
      ['Bale', 'Boromo', 11.745, -2.9306],
    ],
    'Hauts-Bassins': [
      ['Houet', 'Bobo-Dioulasso', 11.1771, -4.2979],
      ['Kenedougou', 'Orodara', 10.974, -4.91],
      ['Tuy', 'Hounde', 11.493, -3.522],
    ],
    Cascades: [
      ['Comoe', 'Banfora', 10.6333, -4.7667],
      ['Leraba', 'Sindou', 10.6667, -5.1667],
    ],
    'Sud-Ouest': [
      ['Poni', 'Gaoua', 10.325, -3.1742],
      ['Noumbiel', 'Batie', 9.8833, -2.9167],
      ['Bougouriba', 'Diebougou', 10.9667, -3.25],
    ],
    'Centre-Est': [
      ['Boulgou', 'Tenkodogo', 11.78, -0.3697],
      ['Boulgou', 'Bittou', 11.2586, -0.3053],
      ['Kouritenga', 'Koupela', 12.1794, -0.3517],
      ['Koulpelogo', 'Ouargaye', 11.5026, 0.0553],
    ],
    'Centre-Ouest': [
      ['Boulkiemde', 'Koudougou', 12.2526, -2.3627],
      ['Sissili', 'Leo', 11.1, -2.1],
    ],
    'Centre-Sud': [
      ['Nahouri', 'Po', 11.1667, -1.15],
      ['Zoundweogo', 'Manga', 11.6636, -1.0731],
    ],
    'Plateau-Central': [
      ['Oubritenga', 'Ziniare', 12.5833, -1.3],
      ['Ganzourgou', 'Zorgho', 12.25, -0.6167],
    ],
  },
  Niger: {
    Niamey: [['Niamey', 'Niamey', 13.5116, 2.1254]],
    Tillaberi: [
      ['Tillaberi', 'Tillaberi', 14.2117, 1.4531],
      ['Ouallam', 'Ouallam', 14.3181, 2.0863],
      ['Banibangou', 'Banibangou', 15.0403, 2.7036],
      ['Abala', 'Abala', 14.9312, 3.4335],
      ['Ayorou', 'Ayorou', 14.7308, 0.9174],
      ['Tera', 'Tera', 14.0078, 0.7531],
      ['Torodi', 'Torodi', 13.1167, 1.8],
      ['Torodi', 'Makalondi', 12.8333, 1.6833],
      ['Say', 'Say', 13.1, 2.3667],
      ['Filingue', 'Filingue', 14.3521, 3.3168],
    ],
    Tahoua: [
      ['Tahoua', 'Tahoua', 14.8888, 5.2692],
      ['Tillia', 'Tillia', 16.1372, 4.7906],
      ["Birni N'Konni", "Birni N'Konni", 13.7956, 5.2503],
      ['Abalak', 'Abalak', 15.4547, 6.2781],
    ],
    Diffa: [
      ['Diffa', 'Diffa', 13.3154, 12.6113],
      ['Bosso', 'Bosso', 13.6989, 13.3078],
      ["N'Guigmi", "N'Guigmi", 14.2532, 13.1106],
      ['Maine-Soroa', 'Maine-Soroa', 13.2114, 12.0241],
    ],
    Dosso: [
      ['Dosso', 'Dosso', 13.049, 3.1937],
      ['Gaya', 'Gaya', 11.8844, 3.4492],
      ['Dogondoutchi', 'Dogondoutchi', 13.6393, 4.0287],
    ],
    Maradi: [
      ['Maradi', 'Maradi', 13.5, 7.1017],
      ['Guidan Roumdji', 'Guidan Roumdji', 13.6574, 6.6963],
      ['Madarounfa', 'Madarounfa', 13.3069, 7.1539],
    ],
    Zinder: [['Zinder', 'Zinder', 13.805, 8.9883]],
    Agadez: [['Agadez', 'Agadez', 16.9742, 7.9865]],
  },
  'Ivory Coast': {
    Abidjan: [['Abidjan', 'Abidjan', 5.36, -4.0083]],
    Savanes: [
      ['Tchologo', 'Kafolo', 9.5946, -4.3327],
      ['Tchologo', 'Kong', 9.151, -4.61],
      ['Tchologo', 'Ferkessedougou', 9.5928, -5.1944],
      ['Poro', 'Korhogo', 9.458, -5.6296],
      ['Bagoue', 'Tengrela', 10.4869, -6.4092],
    ],
    Zanzan: [
      ['Bounkani', 'Bouna', 9.2694, -3.0],
      ['Bounkani', 'Doropo', 9.8094, -3.3456],
      ['Bounkani', 'Tehini', 9.6, -3.6667],
      ['Gontougo', 'Bondoukou', 8.0402, -2.8],
    ],
  },
  Benin: {
    Littoral: [['Cotonou', 'Cotonou', 6.3654, 2.4183]],
    Alibori: [
      ['Karimama', 'Karimama', 12.068, 3.186],
      ['Malanville', 'Malanville', 11.8619, 3.3862],
      ['Kandi', 'Kandi', 11.1342, 2.9386],
      ['Banikoara', 'Banikoara', 11.2986, 2.4386],
    ],
    Atacora: [
      ['Materi', 'Porga', 11.0464, 0.9708],
      ['Materi', 'Materi', 10.6981, 1.0615],
      ['Tanguieta', 'Tanguieta', 10.6212, 1.2647],
      ['Kerou', 'Kerou', 10.825, 2.1094],
      ['Natitingou', 'Natitingou', 10.3042, 1.3796],
    ],
  },
  Togo: {
    Maritime: [['Golfe', 'Lome', 6.1375, 1.2123]],
    Savanes: [
      ['Kpendjal', 'Mandouri', 10.85, 0.8167],
      ['Tone', 'Dapaong', 10.8623, 0.2076],
      ['Tandjouare', 'Tandjouare', 10.65, 0.1833],
      ['Oti', 'Mango', 10.3593, 0.4708],
    ],
  },
  Ghana: {
    'Greater Accra': [['Accra Metropolitan', 'Accra', 5.556, -0.1969]],
    'Upper East': [
      ['Bawku Municipal', 'Bawku', 11.0616, -0.2417],
      ['Pusiga', 'Pusiga', 11.075, -0.1167],
      ['Bolgatanga Municipal', 'Bolgatanga', 10.7856, -0.8514],
    ],
    'Upper West': [
      ['Wa Municipal', 'Wa', 10.0601, -2.5099],
      ['Lambussie-Karni', 'Hamile', 10.9833, -2.6167],
    ],
    'North East': [
      ['West Mamprusi Municipal', 'Walewale', 10.3515, -0.7985],
      ['Chereponi', 'Chereponi', 10.1333, 0.2833],
      ['Bunkpurugu-Nakpanduri', 'Bunkpurugu', 10.5167, 0.1],
    ],
  },
};
