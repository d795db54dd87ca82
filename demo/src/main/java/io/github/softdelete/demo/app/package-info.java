/**
 * The application: users, their documents and the documents' attachments, on plain MyBatis.
 * Nothing here knows about soft deletes.
 */
package io.github.softdelete.demo.app;
