/** The audit trail: recording what people do with the runtime's clock, reading and exporting it. */
package org.cluetrain.app.audit;
