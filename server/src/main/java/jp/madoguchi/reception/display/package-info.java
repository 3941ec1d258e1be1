/**
 * The call display's fan-out: a call NOTIFYs PostgreSQL inside its transaction, every
 * server instance LISTENs on a dedicated connection and pushes the call to the displays
 * connected to it as a server-sent event.
 */
@NullMarked
package jp.madoguchi.reception.display;

import org.jspecify.annotations.NullMarked;
