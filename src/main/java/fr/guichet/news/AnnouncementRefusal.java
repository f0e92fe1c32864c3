package fr.guichet.news;

import fr.guichet.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An announcement that cannot be written or changed as asked; nothing of it is saved. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class AnnouncementRefusal extends Refusal {

    AnnouncementRefusal(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
