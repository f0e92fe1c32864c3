package fr.guichet.knowledge;

import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.shared.SearchAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A public search: words, and filters by product, domain, status, version and message code; all optional. */
public record KnowledgeQuery(
        String words, Long product, String domain, TicketStatus status, String version, String code, int page) {

    public static final int PAGE_SIZE = 50;
    /** 10,000 results: beyond, a search is narrowed rather than paged. */
    static final int LAST_PAGE = 199;

    static final int WORDS_LIMIT = SearchAnalysis.MAX_QUERY_LENGTH;

    /** A word that looks like a message or error code: letters and digits together ("FB60", "ORA-01403", "AUTH_123"). */
    private static final Pattern CODE_LIKE =
            Pattern.compile("(?=[\\w-]*\\d)(?=[\\w-]*\\p{L})[\\p{L}\\d]+(?:[-_.][\\p{L}\\d]+)*");

    public KnowledgeQuery {
        words = blankToNull(words);
        domain = blankToNull(domain);
        version = blankToNull(version);
        code = blankToNull(code);
        page = Math.min(Math.max(page, 0), LAST_PAGE);
        if (words != null && words.length() > WORDS_LIMIT) {
            throw new SheetRefused("knowledge.search.words-too-long", WORDS_LIMIT);
        }
    }

    static KnowledgeQuery words(String words) {
        return new KnowledgeQuery(words, null, null, null, null, null, 0);
    }

    /** The words as a sheet's number ("1234", "#1234"), if they are one. */
    Long number() {
        return TicketId.quoted(words).map(TicketId::value).orElse(null);
    }

    /** The codes among the words, matched whole against the sheets' message codes. */
    List<String> codes() {
        var codes = new ArrayList<String>();
        if (words != null) {
            var matcher = CODE_LIKE.matcher(words);
            while (matcher.find()) {
                codes.add(matcher.group());
            }
        }
        return codes;
    }

    boolean filtered() {
        return product != null || domain != null || status != null || version != null || code != null;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
