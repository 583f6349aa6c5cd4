/**
 * The interface's languages: `Locale` (the visitor's language and everything written in it), the string
 * tables and formats. Depends only on src/twin/ (never on ui/ or modes/).
 */
export { Locale, type LocaleListener } from './locale';
export { fill, strings, hasInterfaceLanguage, UI_LANGUAGES, PSEUDO_LANGUAGES, type Strings } from './strings';
export { formatDimensions, formatIsoDate, formatNumber, languageName } from './format';
