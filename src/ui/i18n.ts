/**
 * @deprecated The interface strings moved to `src/i18n/` (`Locale`, `strings`, `fill`). This re-export stays
 * only until every importer (src/modes/) has moved; import from `../i18n` instead.
 */
export { fill, type Strings } from '../i18n/strings';
