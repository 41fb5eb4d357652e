package dev.dispatcher.deploy;

import dev.dispatcher.testkit.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The executable jars {@code mvn package} leaves behind, as the poms name them:
 * {@code MODULE/target/ARTIFACT-VERSION-CLASSIFIER.jar} for every module that shades.
 */
final class ShadedJars {

    private ShadedJars() {}

    static List<String> built() {
        Element parent = read(Repository.root().resolve("pom.xml"));
        String version = child(parent, "version");
        List<String> jars = new ArrayList<>();
        NodeList modules = parent.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            String module = modules.item(i).getTextContent().strip();
            Element pom = read(Repository.root().resolve(module).resolve("pom.xml"));
            NodeList classifier = pom.getElementsByTagName("shadedClassifierName");
            if (classifier.getLength() > 0) {
                jars.add(module + "/target/" + child(pom, "artifactId") + "-" + version + "-"
                        + classifier.item(0).getTextContent().strip() + ".jar");
            }
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("no module of " + Repository.root() + " builds a shaded jar");
        }
        return jars;
    }

    private static Element read(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(pom.toFile());
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom + ": " + e.getMessage(), e);
        }
    }

    /** A direct child element's text: the project's own artifactId, not its parent's or a dependency's. */
    private static String child(Element element, String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        throw new IllegalStateException("<" + element.getTagName() + "> has no <" + name + ">");
    }
}
