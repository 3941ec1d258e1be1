package jp.madoguchi.reception.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.madoguchi.reception.BookableQueue;
import jp.madoguchi.reception.NewReception;
import jp.madoguchi.reception.QueueBoard;
import jp.madoguchi.reception.ReceptionView;
import jp.madoguchi.reception.Receptions;

import org.springframework.stereotype.Service;

/** The module's API to others, answered by the services that do the work. */
@Service
class ReceptionDesk implements Receptions {

	private final TicketIssuing issuing;

	private final ReceptionQueries queries;

	private final QueueMaster master;

	ReceptionDesk(TicketIssuing issuing, ReceptionQueries queries, QueueMaster master) {
		this.issuing = issuing;
		this.queries = queries;
		this.master = master;
	}

	@Override
	public Optional<String> departmentPrinter(String guideDepartment) {
		return master.departments()
			.stream()
			.filter(d -> d.handles(guideDepartment) && d.defaultPrinter() != null)
			.map(Department::defaultPrinter)
			.findFirst();
	}

	@Override
	public ReceptionView open(NewReception command) {
		return issuing.issue(command).reception();
	}

	@Override
	public Optional<ReceptionView> find(UUID id) {
		return queries.find(id);
	}

	@Override
	public List<ReceptionView> openedBetween(LocalDate from, LocalDate to) {
		return queries.openedBetween(from, to);
	}

	@Override
	public Map<String, String> queueNames() {
		return queries.queueNames();
	}

	@Override
	public List<BookableQueue> bookableQueues() {
		return master.queues()
			.stream()
			.filter(q -> q.active() && q.slotCapacity() > 0)
			.map(ReceptionDesk::bookable)
			.toList();
	}

	@Override
	public Optional<BookableQueue> bookableQueue(String code) {
		return master.queue(code).filter(q -> q.slotCapacity() > 0).map(ReceptionDesk::bookable);
	}

	private static BookableQueue bookable(Queue queue) {
		return new BookableQueue(queue.code(), queue.name(), queue.nameEn(), queue.slotMinutes(), queue.slotCapacity());
	}

	@Override
	public List<QueueBoard> queueBoards() {
		return queries.queueBoards();
	}

}
