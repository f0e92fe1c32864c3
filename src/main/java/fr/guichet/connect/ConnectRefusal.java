package fr.guichet.connect;

import fr.guichet.shared.Refusal;

/** A rule about connected services saying no, with the message that tells the platform admin why. */
class ConnectRefusal extends Refusal {

    ConnectRefusal(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
