/** Who may sign in and what they may do: accounts, roles, per-project access. */
package org.cluetrain.access;
