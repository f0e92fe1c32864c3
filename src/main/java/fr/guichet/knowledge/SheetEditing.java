package fr.guichet.knowledge;

import fr.guichet.account.AccountId;
import fr.guichet.shared.NotFoundException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An agent's rewrite or withdrawal of a published sheet (the caller has checked he is staff). */
@Service
class SheetEditing {

    private final SheetRepository sheets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SheetEditing(SheetRepository sheets, ApplicationEventPublisher events, Clock clock) {
        this.sheets = sheets;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    SheetView find(long number) {
        return sheets.findById(number).filter(Sheet::shown).map(Sheet::view).orElseThrow(NotFoundException::new);
    }

    @Transactional(readOnly = true)
    Optional<SheetView> published(long number) {
        return sheets.findById(number).filter(Sheet::shown).map(Sheet::view);
    }

    @Transactional
    void rewrite(AccountId agent, long number, String title, String description, String answer) {
        var sheet = sheets.lockedById(number).filter(Sheet::shown).orElseThrow(NotFoundException::new);
        sheet.rewrite(title, description, answer, agent.value(), clock.instant());
        events.publishEvent(new KnowledgeChanged(agent, "SHEET_REWRITTEN", "sheet " + number, clock.instant()));
    }

    @Transactional
    void withdraw(AccountId agent, long number) {
        var sheet = sheets.lockedById(number).filter(Sheet::shown).orElseThrow(NotFoundException::new);
        sheet.withdraw(clock.instant());
        events.publishEvent(new KnowledgeChanged(agent, "SHEET_WITHDRAWN", "sheet " + number, clock.instant()));
    }
}
