"""노트의 연습 문제: 목록(registry), 검사 도구(checks), 학습자 파일 검사(runner), 명령줄(cli).

노트마다 하위 패키지 하나(`asterisk`, `weight_init`, …)에 그 노트의 문제와 풀이가 있다.
문제를 더하는 방법은 README.md에 있다.
"""
