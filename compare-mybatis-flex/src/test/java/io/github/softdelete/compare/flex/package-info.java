/** MyBatis-Flex's logic delete, tested for the claims of README's comparison table. */
package io.github.softdelete.compare.flex;
