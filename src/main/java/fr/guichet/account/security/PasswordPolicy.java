package fr.guichet.account.security;

import fr.guichet.account.AccountProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import org.springframework.stereotype.Component;

/**
 * The configurable password policy. Default: at least 12 characters of any kind, and not
 * guessable according to a strength estimator (common passwords, words, keyboard walks, dates,
 * and the person's own names and e-mail).
 */
@Component
class PasswordPolicy {

    /** Estimating cost grows with length; beyond this the start of the password decides. */
    private static final int ESTIMATED_LENGTH = 64;

    private final AccountProperties.Password settings;

    PasswordPolicy(AccountProperties properties) {
        this.settings = properties.password();
    }

    /** Message keys of what is wrong; empty when the password is acceptable. */
    List<String> problems(String password, Collection<String> personalWords) {
        if (password == null || password.isEmpty()) {
            return List.of("password.required");
        }
        var length = password.codePointCount(0, password.length());
        if (length < settings.minLength()) {
            return List.of("password.too-short");
        }
        if (length > settings.maxLength()) {
            return List.of("password.too-long");
        }
        var estimate = estimator(personalWords)
                .estimate(password.substring(0, password.offsetByCodePoints(0, Math.min(length, ESTIMATED_LENGTH))));
        return estimate.isMinimumEntropyMet() ? List.of() : List.of("password.too-guessable");
    }

    int minLength() {
        return settings.minLength();
    }

    private Nbvcxz estimator(Collection<String> personalWords) {
        var dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        var own = new DictionaryBuilder().setDictionaryName("personal").setExclusion(true);
        personalWords.stream()
                .filter(w -> w != null && w.length() >= 3)
                .flatMap(w -> List.of(w.toLowerCase(Locale.ROOT).split("[@.\\s_-]+")).stream())
                .filter(w -> w.length() >= 3)
                .forEach(w -> own.addWord(w, 0));
        dictionaries.add(own.createDictionary());
        return new Nbvcxz(new ConfigurationBuilder()
                .setDictionaries(dictionaries)
                .setMinimumEntropy(settings.minEntropyBits())
                .createConfiguration());
    }
}
