/** A person's bookmarked tickets and the ones he opened last, shown only as far as he still reaches them. */
@NullMarked
package fr.guichet.helpdesk.tickets.bookmarks;

import org.jspecify.annotations.NullMarked;
