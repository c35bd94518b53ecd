/**
 * The engagement inbox at work: {@link org.cluetrain.app.inbox.Inbox} runs each project's rules
 * over posts as the pipeline stores them (its {@code intake()} listener) and over recent posts
 * after the workspace's files are imported on start ({@code catchUp()}), and carries out what
 * analysts do to items, logging each change.
 */
package org.cluetrain.app.inbox;
