-- The inbox now serves long polling too: the poller stores each batch of updates here before it asks
-- Telegram past them, so it can poll again while the batch is still being handled.
ALTER TABLE telegram_webhook_inbox RENAME TO telegram_inbox;
