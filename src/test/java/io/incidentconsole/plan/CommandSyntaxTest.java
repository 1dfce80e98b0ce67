package io.incidentconsole.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CommandSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "eval {{v}}",
            "bash -c {{v}}",
            "sh -c \"echo {{v}}\"",
            "zsh -c 'echo {{v}}'",
            "bash -lc {{v}}",
            "sudo -u root bash -c {{v}}",
            "ssh prod-host {{v}}",
            "ssh -p 22 prod-host ls {{v}}",
            "echo x | xargs {{v}}",
            "find . -name x -exec rm {{v}} ;",
            "python3 -c {{v}}",
            "perl -e {{v}}",
            "kubectl exec pod -- sh -c {{v}}",
            "awk {{v}} file",
            "{{v}} --version",
            "cd /srv && eval \"{{v}}\"",
            "echo \"$(bash -c {{v}})\"",
    })
    void aPlaceholderThatReachesAnEvaluatorIsRefusedUnlessTheStepIsMarkedUnsafe(String template) {
        assertThat(CommandSyntax.parse(template, false).problems()).singleElement().asString()
                .contains("placeholder 'v'").contains("runs its value as code").contains("unsafe: true");
        assertThat(CommandSyntax.parse(template, true).problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "git revert {{v}}",
            "ssh {{v}} uptime",
            "npm install better-auth@{{v}}",
            "bash ./rollback.sh {{v}}",
            "find . -name {{v}}",
            "echo x; git log {{v}}",
            "eval \"$(ssh-agent)\"; git push {{v}}",
            "awk '{print $1}' {{v}}",
            "true # bash -c {{v}}",
    })
    void ordinaryArgumentsAreNotEvaluations(String template) {
        assertThat(CommandSyntax.parse(template, false).problems()).isEmpty();
    }

    @Test
    void aSlotKnowsWhetherItStartsAWordAndWhetherItIsAWholeWord() {
        CommandSyntax syntax = CommandSyntax.parse("cmd {{a}} x{{b}} \"{{c}}\" --f={{d}} {{e}};", false);

        assertThat(syntax.slots()).extracting(CommandSyntax.Slot::startsWord)
                .containsExactly(true, false, true, false, true);
        assertThat(syntax.slots()).extracting(CommandSyntax.Slot::wholeWord)
                .containsExactly(true, false, false, false, true);
    }
}
