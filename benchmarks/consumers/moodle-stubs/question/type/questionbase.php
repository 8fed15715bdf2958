<?php
// Stub: the base classes and interfaces Moodle's question classes name (never called here).
class question_definition {
}
class question_graded_by_strategy extends question_definition {
}
interface question_automatically_gradable {
}
interface question_response_answer_comparer {
}
