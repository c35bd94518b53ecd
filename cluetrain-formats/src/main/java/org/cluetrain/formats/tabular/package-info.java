/**
 * Tables of posts: CSV ({@link org.cluetrain.formats.tabular.CsvReader}) and NDJSON ({@link
 * org.cluetrain.formats.tabular.NdjsonReader}), both streamed row by row. A {@link
 * org.cluetrain.formats.tabular.ColumnMapping} says which column holds the text, author, date and
 * so on; without one it is guessed from the header names.
 *
 * <p>To recognise another common header name, add it to the candidates in {@link
 * org.cluetrain.formats.tabular.ColumnMapping#guess}.
 */
package org.cluetrain.formats.tabular;
