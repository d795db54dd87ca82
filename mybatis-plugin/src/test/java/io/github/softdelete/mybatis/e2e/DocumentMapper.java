package io.github.softdelete.mybatis.e2e;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Documents, their owners and attachments, written as if soft deletes did not exist. */
public interface DocumentMapper {
  @Delete("DELETE FROM documents WHERE id = #{id}")
  int deleteById(long id);

  // parameters on both sides of what the library adds, and a <foreach>
  @Delete({"<script>DELETE FROM documents WHERE user_id = #{userId} AND id IN",
      "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach>",
      "AND title &lt;&gt; #{keep}</script>"})
  int deleteSome(@Param("userId") long userId, @Param("ids") List<Long> ids, @Param("keep") String keep);

  // attachments have no children: the statement MyBatis prepares itself, with the added values bound late
  @Delete("DELETE FROM attachments WHERE document_id = #{documentId} AND file_name LIKE #{pattern}")
  int deleteAttachments(@Param("documentId") long documentId, @Param("pattern") String pattern);

  @Delete("DELETE FROM users WHERE id = #{id}")
  int deleteUser(long id);

  @Delete("DELETE FROM users WHERE id = #{id} LIMIT 1")
  int deleteUserWithLimit(long id);

  @Insert("INSERT INTO documents (id, user_id, title) VALUES (#{id}, #{userId}, #{title})")
  int insert(@Param("id") long id, @Param("userId") long userId, @Param("title") String title);

  // PostgreSQL's form; refused before it reaches the database, so H2 never sees it
  @Select("DELETE FROM attachments WHERE id = #{id} RETURNING id")
  List<Long> deleteAttachmentReturning(long id);

  @Select("SELECT id FROM documents ORDER BY id")
  List<Long> documentIds();

  @Select("SELECT id FROM attachments ORDER BY id")
  List<Long> attachmentIds();

  @Select("SELECT id FROM users ORDER BY id")
  List<Long> userIds();

  // the detective query: run it inside IncludeDeleted (or OnlyDeleted)
  @Select("SELECT deleted_at, deleted_by, delete_reason FROM documents WHERE id = #{id}")
  Map<String, Object> whenWhoWhy(long id);
}
