package io.incidentconsole.plan;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.text.Normalizer;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Step titles and task texts compare as they did with the regular expression, whatever their spaces and marks. */
class PlanItemsNormalizePropertiesTest {

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(40);
        Arbitrary<String> spaced = Arbitraries.strings().withChars(" \t\n\u000B\f\r\u00A0\u2003`*aZ1é").ofMaxLength(30);
        Arbitrary<String> words = Arbitraries.strings().withChars(" \t\nabcABC`*_ﬁ①").ofMaxLength(30);
        return Arbitraries.oneOf(any, spaced, words);
    }

    @Property(tries = 2000)
    void foldsAsTheRegularExpressionDid(@ForAll("texts") String text) {
        assertThat(PlanItems.normalize(text)).isEqualTo(reference(text));
    }

    private static String reference(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).replace("`", "").replace("*", "");
        return plain.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
