/**
 * An optional sentence encoder: a small pretrained transformer (all-MiniLM-L6-v2) that turns an
 * English text into a dense vector on the CPU, in process. Its vectors can be given to the linear
 * classifiers of {@code cluetrain-classify} as features beside the hashed n-grams; whether that
 * helps is measured by {@code EncoderExperiments} on the validation protocol and recorded in {@code
 * docs/models/sentiment-en.md}. Nothing else in Cluetrain depends on this module.
 */
package org.cluetrain.embed;
