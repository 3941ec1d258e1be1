package jp.madoguchi.reception;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may ask of reception. The prefiling module opens a reception after a
 * QR code was decoded and saved as a notification ({@link ReceptionSource#PREFILING});
 * the card reading path does the same with {@link ReceptionSource#CARD} and the name read
 * from the card; statistics read the tasks of a period.
 */
public interface Receptions {

	/** Opens a reception and issues its ticket in the queue named by the command. */
	ReceptionView open(NewReception command);

	/** A reception with its tasks; audited as a read of personal data. */
	Optional<ReceptionView> find(UUID id);

	/** The receptions opened on the given days (inclusive), for figures; no names. */
	List<ReceptionView> openedBetween(LocalDate from, LocalDate to);

	/**
	 * Every queue's name (Japanese) by its code, inactive ones too: labels for figures.
	 */
	Map<String, String> queueNames();

	/**
	 * The default printer of the department that handles this 担当課 of the procedure guide
	 * (the departments' guide names, matched as prefixes), if it has one.
	 */
	Optional<String> departmentPrinter(String guideDepartment);

	/**
	 * Every active queue today, numbers and counters only: what the public site shows.
	 */
	List<QueueBoard> queueBoards();

	/** The active queues that take bookings (slot capacity above 0), in master order. */
	List<BookableQueue> bookableQueues();

	/** A queue that takes bookings, active or not: to check a booking at arrival. */
	Optional<BookableQueue> bookableQueue(String code);

}
