<?php
// Stub: the base classes qtype_multianswer and qtype_shortanswer_question extend (never called here).
abstract class question_type {
}
class question_definition {
}
class question_graded_by_strategy extends question_definition {
}
interface question_automatically_gradable {
}
interface question_response_answer_comparer {
}
