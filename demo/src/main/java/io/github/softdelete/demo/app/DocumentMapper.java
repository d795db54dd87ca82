package io.github.softdelete.demo.app;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** The application's statements; the SQL lives in {@code DocumentMapper.xml}. */
public interface DocumentMapper {

  List<DocumentRow> listDocuments();

  int deleteDocument(@Param("id") long id);

  int deleteAttachment(@Param("id") long id);

  List<OwnerCount> countDocumentsPerUser();

  List<AttachmentRow> attachmentsOfUser(@Param("owner") String owner);
}
