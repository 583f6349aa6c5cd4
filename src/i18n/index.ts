/**
 * The interface's languages: `Locale` (the visitor's language and everything written in it), the string
 * tables and formats. Depends only on src/twin/ (never on ui/ or modes/).
 */
export { Locale } from './locale';
export { fill, strings, type Strings } from './strings';
export { formatIsoDate, formatNumber } from './format';
