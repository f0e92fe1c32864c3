package fr.guichet.federation;

import java.util.List;

/** Settings refused, each problem naming its field and the message that says why. */
class InvalidProvider extends RuntimeException {

    private final List<ProviderSettings.Problem> problems;

    InvalidProvider(List<ProviderSettings.Problem> problems) {
        super("invalid provider settings: " + problems);
        this.problems = List.copyOf(problems);
    }

    List<ProviderSettings.Problem> problems() {
        return problems;
    }
}
