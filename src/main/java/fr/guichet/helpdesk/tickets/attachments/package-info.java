/** Files attached to a ticket: stored by the documents module, seen by those who see the ticket. */
@NullMarked
package fr.guichet.helpdesk.tickets.attachments;

import org.jspecify.annotations.NullMarked;
