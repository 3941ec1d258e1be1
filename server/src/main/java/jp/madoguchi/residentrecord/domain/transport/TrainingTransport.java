package jp.madoguchi.residentrecord.domain.transport;

import java.util.Optional;

/**
 * Training mode's link ({@code madoguchi.resident-record.mode=training}, only with
 * {@code madoguchi.training=true}): a delivery is recorded in the outbox as always and
 * acknowledged at once, and the document goes nowhere. Staff practise the whole flow,
 * including the deliveries page, and nothing reaches the resident-record system.
 */
public final class TrainingTransport implements Transport {

	@Override
	public String channel() {
		return "training";
	}

	@Override
	public Optional<String> notReady() {
		return Optional.empty();
	}

	@Override
	public Outcome deliver(DeliveryKey delivery, byte[] document) {
		return Outcome.acknowledged();
	}

	@Override
	public Optional<Outcome> acknowledgement(DeliveryKey delivery) {
		return Optional.empty();
	}

	@Override
	public boolean answersLater() {
		return false;
	}

	@Override
	public TransportStatus status() {
		return new TransportStatus("training", "研修モード: 送信は記録だけされ、住民記録システムには届きません。", null);
	}

	@Override
	public void prepareRetry(DeliveryKey delivery) {
		// nothing was sent, nothing to clear
	}

}
