/**
 * The workspace file: projects, their sources, saved queries and competitors, read from YAML and
 * validated at start with every problem reported at once (file and line). The format is documented
 * in {@code docs/configuration.md}.
 */
package org.cluetrain.app.workspace;
