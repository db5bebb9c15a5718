/**
 * The import's options, declared once: `crisismap import` (its flags and --help), POST
 * /api/import (its checks and OpenAPI), the dashboard's model and docs/parameters.md are
 * derived from these, as the filters are from src/query/filter.ts. The importer's messages
 * name them with ref(), so each interface words them its own way (--skip-invalid,
 * skip_invalid=1).
 */
import { param, ref } from '../model/param.js';
import { DATE_ORDERS } from './dates.js';

export const IMPORT_PARAMS = {
  // The upload's "mapping" is a multipart field, not a query parameter: the command line's only.
  mapping: param('text', { key: 'mapping', http: null, placeholder: 'FILE', help: 'JSON file saying which of your columns feeds which field (docs/import.md)' }),
  skipInvalid: param('boolean', { key: 'skipInvalid', help: 'import the valid rows; the others are set aside with their reasons' }),
  rejectsPath: param('text', { key: 'rejectsPath', flag: 'rejects', http: null, placeholder: 'FILE', help: 'where rejected rows go (unless given: FILE.rejects.csv beside the input)' }),
  dataset: param('text', { key: 'dataset', placeholder: 'NAME', example: 'acled', help: "name the dataset (unless given: acled, ucdp, or the mapping's)" }),
  version: param('text', {
    key: 'version',
    flag: 'dataset-version',
    http: 'dataset_version',
    label: 'Dataset version',
    placeholder: 'V',
    example: 'export 2024-06-30',
    help: 'name its version (unless given: from the file name or newest timestamp)',
  }),
  // The server's limit is its own (serve --max-unpacked): an upload cannot raise it.
  maxUnpackedMb: param('whole', {
    key: 'maxUnpackedMb',
    flag: 'max-unpacked',
    http: null,
    min: 1,
    default: 2048, // 2 GiB: ACLED's whole export unpacks to under 1.5
    placeholder: 'MB',
    example: '4096',
    help: 'most a zip or XLSX may unpack to; a larger one, or one that lies about its size, is refused (zip bombs)',
  }),
  dateOrder: param('one-of', {
    key: 'dateOrder',
    values: DATE_ORDERS,
    example: 'dmy',
    help: 'day or month first in dates with slashes, when no date proves it (29/12/2015 does)',
  }),
};

/** What a dataset may be called: it is written into paths, URLs and SQL identifiers' neighbourhood. */
export const DATASET_NAME = /^[a-z0-9][a-z0-9._-]*$/i;

/** The last hint of a failed import: nothing changed, and how to import the readable rows. */
export const NOTHING_IMPORTED = `nothing was imported. Fix these rows, or import the others with ${ref(IMPORT_PARAMS.skipInvalid, '1')}`;
