-- Deleting an own value keeps its history too (issue 13). The delete path stamps the row
-- (updated_at, updated_by) in the same transaction first, so the history says who deleted it
-- and when; demo sample values are not own data and leave no history.
CREATE TRIGGER observations_history_delete AFTER DELETE ON observations
WHEN OLD.sample = 0 BEGIN
    INSERT INTO observation_history (indicator, year, old_value, new_value, old_status,
                                     new_status, changed_at, changed_by)
    VALUES (OLD.indicator, OLD.year, OLD.value, NULL, OLD.status, NULL, OLD.updated_at,
            OLD.updated_by);
END;
