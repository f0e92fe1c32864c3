package fr.guichet.credits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A movement as its poster describes it, and what makes it acceptable: a positive whole amount
 * within reason, a known kind for what was consumed, a day that is not in the future, the poster's
 * own reference for it.
 */
public record NewMovement(
        String ref,
        Direction direction,
        long amount,
        @Nullable String kindCode,
        LocalDate occurredOn,
        @Nullable String reason,
        @Nullable String correctsRef) {

    static final long MAX_AMOUNT = 1_000_000_000L;

    static final int MAX_REASON = 300;

    private static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");

    /** The message keys of what is wrong, empty when it may be posted. */
    List<String> problems(Set<String> kinds, LocalDate today) {
        var problems = new ArrayList<String>();
        if (!REF.matcher(ref).matches()) {
            problems.add("credits.error.ref");
        }
        if (amount <= 0 || amount > MAX_AMOUNT) {
            problems.add("credits.error.amount");
        }
        // a correction takes its kind from what it corrects
        if (correctsRef == null) {
            if (direction == Direction.DEBIT && (kindCode == null || !kinds.contains(kindCode))) {
                problems.add("credits.error.kind");
            }
            if (direction == Direction.CREDIT && kindCode != null) {
                problems.add("credits.error.credit-kind");
            }
        }
        if (occurredOn.isAfter(today)) {
            problems.add("credits.error.future");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            problems.add("credits.error.reason");
        }
        return problems.stream().distinct().toList();
    }
}
