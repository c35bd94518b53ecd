/**
 * Language identification for the enrich stage, backed by Lingua. The core defines {@link
 * org.cluetrain.enrich.language.LanguageIdentifier}; this module is one implementation of it.
 */
package org.cluetrain.language;
