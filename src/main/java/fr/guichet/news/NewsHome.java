package fr.guichet.news;

import fr.guichet.account.AccountId;
import fr.guichet.shared.HomeSection;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The latest announcements aimed at the person, on his home page, the unread ones marked. */
@Component
class NewsHome implements HomeSection {

    private static final int SHOWN = 5;

    private final Announcements announcements;

    NewsHome(Announcements announcements) {
        this.announcements = announcements;
    }

    @Override
    public String template() {
        return "news/home";
    }

    @Override
    public Optional<Object> content(long accountId, Locale locale) {
        var page = announcements.forPerson(new AccountId(accountId), 0, SHOWN);
        return page.items().isEmpty() ? Optional.empty() : Optional.of(page);
    }
}
