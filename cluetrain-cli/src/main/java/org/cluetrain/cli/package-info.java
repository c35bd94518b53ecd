/**
 * The {@code cluetrain} command: one class per command, each a thin shell over the application
 * module. The only place in Cluetrain that prints to the terminal.
 */
package org.cluetrain.cli;
