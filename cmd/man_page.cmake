# Writes OUT, the manual page, from `ICSCTL __man`; fails the build when icsctl does.
execute_process(COMMAND ${ICSCTL} __man OUTPUT_FILE ${OUT}.tmp RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  file(REMOVE ${OUT}.tmp)
  message(FATAL_ERROR "${ICSCTL} __man exited ${rc}: ${err}")
endif()
file(RENAME ${OUT}.tmp ${OUT})
