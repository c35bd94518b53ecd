/**
 * Subject requests for admins: the API ({@code /api/privacy/…}) and the page under the admin area
 * ({@code /admin/privacy}) that find, export and erase what is held about one person.
 */
package org.cluetrain.web.privacy;
