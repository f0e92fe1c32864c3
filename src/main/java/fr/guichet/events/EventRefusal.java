package fr.guichet.events;

import fr.guichet.shared.Refusal;

/** A rule of events says no: a session full of pending requests, a deadline passed, a field out of bounds… */
class EventRefusal extends Refusal {

    EventRefusal(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
