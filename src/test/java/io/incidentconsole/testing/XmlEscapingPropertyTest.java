package io.incidentconsole.testing;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever an operator types as a note, the JUnit XML stays well-formed and reads back as typed. */
class XmlEscapingPropertyTest {

    /** What survives XML 1.0: every character it allows; anything else becomes U+FFFD. */
    private static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            out.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return out.toString();
    }

    @Property(tries = 300)
    void anyTextRoundTripsThroughAttributesAndText(@ForAll String text) throws Exception {
        TestResultsExport.Xml xml = new TestResultsExport.Xml();
        xml.open("r", "a", text);
        xml.text(text);
        xml.close("r");
        Document document = JUnitXml.parse(xml.toString());
        Element root = document.getDocumentElement();
        assertThat(root.getAttribute("a")).isEqualTo(xmlSafe(text));
        assertThat(root.getTextContent()).isEqualTo(xmlSafe(text));
    }
}
