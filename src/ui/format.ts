/**
 * @deprecated Label formats moved to `src/i18n/format.ts` (and `Locale.number`, `Locale.date`, …). This
 * re-export stays only until every importer (src/modes/) has moved.
 */
export { formatDimensions, formatIsoDate, formatNumber, languageName } from '../i18n/format';
