/**
 * Language identification for the enrich stage. The core defines {@link
 * org.cluetrain.enrich.language.LanguageIdentifier}; this module has two implementations, both
 * thread-safe and built once at start-up:
 *
 * <ul>
 *   <li>{@link org.cluetrain.language.NgramLanguageIdentifier}, the recommended default: a
 *       naive-Bayes score over letter uni-, bi- and trigrams, about 10 µs per post and under a
 *       second to load. {@code NgramLanguageIdentifier.standard()} covers {@link
 *       org.cluetrain.language.LinguaLanguageIdentifier#DEFAULT_LANGUAGES}; {@code
 *       NgramLanguageIdentifier.of(List.of("de", "en", …))} names the languages a deployment
 *       expects (fewer candidates, fewer confusions and less work).
 *   <li>{@link org.cluetrain.language.LinguaLanguageIdentifier}, the reference: Lingua itself, as
 *       accurate on the labelled sets but two orders of magnitude slower, and slow to load.
 * </ul>
 *
 * <p>Both read the same n-gram frequency models, shipped in Lingua's jar (Apache-2.0), and both
 * answer {@link org.cluetrain.enrich.language.LanguageIdentifier#UNDETERMINED} for texts with fewer
 * than eight letters once links and {@code @accounts} are removed. Accuracy, speed, load time and
 * the command that measures them: {@code docs/models/language-identification.md}. To add a
 * language, name its ISO 639-1 code; any language Lingua has models for works.
 */
package org.cluetrain.language;
