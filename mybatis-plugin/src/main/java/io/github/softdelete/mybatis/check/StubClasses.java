package io.github.softdelete.mybatis.check;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Class files for the application's classes that mapper XML names (result types, parameter types, type
 * handlers) where they are not on the class path: MyBatis resolves each name while it reads a mapper, and only
 * needs a class to be there. A name that ends in {@code Handler} becomes a type handler
 * ({@code extends ObjectTypeHandler}); any other an enum without constants, which MyBatis accepts wherever a
 * type goes, an enum type handler's {@code javaType} included.
 */
final class StubClasses {
  private static final int MAGIC = 0xCAFEBABE;
  // Java 8: straight-line code needs no stack map frames
  private static final int JAVA_8 = 52;
  private static final int UTF8 = 1;
  private static final int CLASS = 7;
  private static final int METHOD_REF = 10;
  private static final int NAME_AND_TYPE = 12;
  private static final String TYPE_HANDLER = "org/apache/ibatis/type/ObjectTypeHandler";

  private StubClasses() {}

  static boolean isHandler(String className) {
    return className.endsWith("Handler");
  }

  /** The class file of a stand-in for {@code className} (binary name, {@code com.shop.User}). */
  static byte[] of(String className) {
    String internal = className.replace('.', '/');
    try {
      return isHandler(className) ? typeHandler(internal) : emptyEnum(internal);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // public class X extends ObjectTypeHandler { public X() { super(); } }
  private static byte[] typeHandler(String internal) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    header(out, 10);
    utf8(out, internal);          // 1
    classRef(out, 1);             // 2
    utf8(out, TYPE_HANDLER);      // 3
    classRef(out, 3);             // 4
    utf8(out, "<init>");          // 5
    utf8(out, "()V");             // 6
    utf8(out, "Code");            // 7
    out.writeByte(NAME_AND_TYPE); // 8
    out.writeShort(5);
    out.writeShort(6);
    out.writeByte(METHOD_REF);    // 9
    out.writeShort(4);
    out.writeShort(8);
    out.writeShort(0x0021);       // public, super
    out.writeShort(2);
    out.writeShort(4);
    out.writeShort(0);            // interfaces
    out.writeShort(0);            // fields
    out.writeShort(1);            // methods
    out.writeShort(0x0001);       // public
    out.writeShort(5);
    out.writeShort(6);
    // aload_0, invokespecial #9, return
    code(out, 7, 1, 1, new byte[] {0x2a, (byte) 0xb7, 0x00, 0x09, (byte) 0xb1});
    out.writeShort(0);            // class attributes
    return bytes.toByteArray();
  }

  // public final enum X { ; public static X[] values() { return new X[0]; } }: Class#getEnumConstants calls values()
  private static byte[] emptyEnum(String internal) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    header(out, 8);
    utf8(out, internal);                    // 1
    classRef(out, 1);                       // 2
    utf8(out, "java/lang/Enum");            // 3
    classRef(out, 3);                       // 4
    utf8(out, "values");                    // 5
    utf8(out, "()[L" + internal + ";");     // 6
    utf8(out, "Code");                      // 7
    out.writeShort(0x4031);                 // public, final, super, enum
    out.writeShort(2);
    out.writeShort(4);
    out.writeShort(0);
    out.writeShort(0);
    out.writeShort(1);
    out.writeShort(0x0009);                 // public static
    out.writeShort(5);
    out.writeShort(6);
    // iconst_0, anewarray #2, areturn
    code(out, 7, 1, 0, new byte[] {0x03, (byte) 0xbd, 0x00, 0x02, (byte) 0xb0});
    out.writeShort(0);
    return bytes.toByteArray();
  }

  private static void header(DataOutputStream out, int constantPoolCount) throws IOException {
    out.writeInt(MAGIC);
    out.writeShort(0);
    out.writeShort(JAVA_8);
    out.writeShort(constantPoolCount);
  }

  private static void utf8(DataOutputStream out, String value) throws IOException {
    out.writeByte(UTF8);
    out.writeUTF(value);
  }

  private static void classRef(DataOutputStream out, int nameIndex) throws IOException {
    out.writeByte(CLASS);
    out.writeShort(nameIndex);
  }

  // the method's one attribute
  private static void code(DataOutputStream out, int codeName, int maxStack, int maxLocals, byte[] code)
      throws IOException {
    out.writeShort(1);
    out.writeShort(codeName);
    out.writeInt(12 + code.length);
    out.writeShort(maxStack);
    out.writeShort(maxLocals);
    out.writeInt(code.length);
    out.write(code);
    out.writeShort(0);            // exception table
    out.writeShort(0);            // attributes
  }
}
