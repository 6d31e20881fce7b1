import java.io.File;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * Test support: parses each file given as an argument with the JDK's namespace-aware XML parser and
 * prints "OK <file>" or "ERROR <file>: <message>". Exit code 1 if any file is not well-formed.
 * Run as a single-file program: java XmlWellFormed.java a.xml b.xml
 */
public class XmlWellFormed {
  public static void main(String[] args) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    boolean failed = false;
    for (String path : args) {
      try {
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        builder.parse(new File(path));
        System.out.println("OK " + path);
      } catch (Exception e) {
        failed = true;
        System.out.println("ERROR " + path + ": " + e.getMessage());
      }
    }
    System.exit(failed ? 1 : 0);
  }
}
