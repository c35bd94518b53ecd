/**
 * The pages about people: {@code /admin/users}, where admins add users with a role and the projects
 * they may see, change them, set passwords and remove them (never the last admin), and {@code
 * /account}, where everybody changes their password and language and manages their API tokens.
 * Errors are shown in place on the form that caused them.
 */
package org.cluetrain.web.admin;
