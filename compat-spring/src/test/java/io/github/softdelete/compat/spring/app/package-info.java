/** A small application's mappers and service, written as if soft deletes did not exist. */
package io.github.softdelete.compat.spring.app;
