/**
 * The packaged softdelete-mybatis jar beside PageHelper, with the JSqlParser PageHelper is built against on the
 * class path: each parser serves its own library.
 */
package io.github.softdelete.compat.pagehelper;
