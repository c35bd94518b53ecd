/**
 * Language identification as a stage: {@link org.cluetrain.enrich.language.LanguageIdentifier} is
 * the contract (implemented in the language module), {@link
 * org.cluetrain.enrich.language.LanguageEnricher} applies it to posts and decides between the
 * detected and the declared language.
 */
package org.cluetrain.enrich.language;
