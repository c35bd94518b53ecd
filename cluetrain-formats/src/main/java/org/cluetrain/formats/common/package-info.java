/**
 * What every reader of the formats module shares: the id conventions ({@link
 * org.cluetrain.formats.common.PostIds}), clean text from HTML ({@link
 * org.cluetrain.formats.common.HtmlText}), lenient dates, secure XML parsers and reading an input's
 * head for detection. Not an API for other modules.
 */
package org.cluetrain.formats.common;
