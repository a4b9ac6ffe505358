/*
 * The nn model language: a neural network as a small text file.
 *
 *     model mnist_mlp {
 *         input image: [1, 28, 28]
 *         image -> flatten() -> dense(128) -> relu() -> dense(10) -> logits
 *         output logits
 *     }
 *     train {
 *         data = mnist()
 *         loss = cross_entropy(logits, label)
 *         optimizer = adam(lr = 1e-3)
 *     }
 *
 * Statements end at a line break. A line that starts with '->' continues the chain of the
 * line before, and line breaks are allowed inside argument lists and list literals.
 * Declarations (model, train) need no separator: braces delimit them.
 * Operations are always written as calls, with parentheses: `relu()`, never `relu`; a bare
 * name at the end of a chain names the node before it (`-> logits`).
 *
 * This grammar only describes the shape of the text. Which operations, parameters and
 * train settings exist, and whether names are defined, is checked by the compiler
 * (nn.dsl.GraphBuilder, nn.dsl.TrainSection) against the plugin registry, so that every
 * problem is reported with its position and a hint. See docs/language.md.
 */
grammar Nn;

// ============================================================== parser

// A file: top-level declarations, one after another.
file
    : (declaration | NL)* EOF
    ;

declaration
    : importDecl
    | letDecl
    | block
    | model
    | train
    ;

// import "blocks/residual.nn"      (relative to the importing file: its blocks and constants)
importDecl
    : IMPORT path=STRING
    ;

// let width = 128      (a constant, usable wherever a value is)
letDecl
    : LET name=IDENT '=' value
    ;

// block residual(units, scale = 1.0) { input x ... output y }
// A reusable piece of graph: its inputs, its parameters (with optional defaults), one output.
block
    : BLOCK name=IDENT '(' NL* (blockParam (',' NL* blockParam)* ','? NL*)? ')' '{' (statement | NL)* '}'
    ;

blockParam
    : name=IDENT ('=' value)?
    ;

// ---------------------------------------------------------------- model

// model mnist_mlp { ... }
// One statement per line. The rule below also lets one statement follow another on the same
// line, so that a broken line never costs the rest of the section; the compiler reports that.
model
    : MODEL name=IDENT '{' (statement | NL)* '}'
    ;

statement
    : inputDecl
    | outputDecl
    | assignment
    | chain
    ;

// input image: [1, 28, 28]      (the shape of one example, without the batch)
// input x                       (in a block: the shape comes from where the block is used)
inputDecl
    : INPUT name=IDENT (':' shape=list)?
    ;

// output logits
outputDecl
    : OUTPUT IDENT (',' IDENT)*
    ;

// hidden = image -> flatten() -> dense(128)      (names the chain's last node)
assignment
    : name=IDENT '=' chain
    ;

// image -> flatten() -> dense(128) -> relu() -> hidden
// add(x, h) -> relu()
// A chain starts from a named node (or input), or from a call whose leading arguments are
// nodes, and applies operations one after another.
// (A chain with no step parses, so that the compiler can say what is missing.)
chain
    : head (NL* '->' step)*
    ;

head
    : call      # callHead
    | IDENT     # nameHead
    ;

// One step of a chain: an operation or block call, a repeated sub-chain, or (only last) a
// bare name for the node before it.
step
    : call                                                      # callStep
    | REPEAT count=value '{' NL* step (NL* '->' step)* NL* '}'  # repeatStep
    | IDENT                                                     # nameStep
    ;

// ---------------------------------------------------------------- train

// train { data = mnist() ... }      (every setting is checked by the compiler)
train
    : TRAIN '{' (setting | NL)* '}'
    ;

// batch = 64
setting
    : key=IDENT '=' value
    ;

// ---------------------------------------------------------------- values

// dense(128, bias = false)      (positional arguments first, then named ones)
call
    : name=IDENT '(' NL* (argument (',' NL* argument)* ','? NL*)? ')'
    ;

argument
    : (name=IDENT '=')? value
    ;

value
    : call      # callValue
    | IDENT     # nameValue
    | list      # listValue
    | literal   # literalValue
    ;

// [0.5, 0.5]
list
    : '[' NL* (value (',' NL* value)* ','? NL*)? ']'
    ;

// 128, -0.1, 1e-3, .5, "xavier", true
literal
    : '-'? INT          # intLiteral
    | '-'? FLOAT        # floatLiteral
    | STRING            # stringLiteral
    | (TRUE | FALSE)    # boolLiteral
    ;

// ============================================================== lexer

// Keywords.
MODEL  : 'model' ;
INPUT  : 'input' ;
OUTPUT : 'output' ;
TRAIN  : 'train' ;
TRUE   : 'true' ;
FALSE  : 'false' ;

BLOCK  : 'block' ;
REPEAT : 'repeat' ;
IMPORT : 'import' ;
LET    : 'let' ;

ARROW  : '->' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
RBRACE : '}' ;
LBRACK : '[' ;
RBRACK : ']' ;
COMMA  : ',' ;
COLON  : ':' ;
ASSIGN : '=' ;
MINUS  : '-' ;

// 128
INT
    : DIGIT+
    ;

// 0.5, .5, 1., 1e-3, 2.5E+4
FLOAT
    : DIGIT+ '.' DIGIT* EXPONENT?
    | '.' DIGIT+ EXPONENT?
    | DIGIT+ EXPONENT
    ;

// "text", with backslash escapes
STRING
    : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"'
    ;

IDENT
    : [a-zA-Z_] [a-zA-Z0-9_]*
    ;

// Line breaks end statements.
NL
    : '\r'? '\n'
    | '\r'
    ;

WS
    : [ \t\f]+ -> skip
    ;

// Comments are kept (on the hidden channel) for `nn fmt`; the parser does not see them.
LINE_COMMENT
    : '//' ~[\r\n]* -> channel(HIDDEN)
    ;

BLOCK_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

// Malformed input becomes tokens too: the compiler reports each with its position, and the
// parser goes on as if it were a string (an unclosed one) or not there at all (the others).

// "text with no closing quote
UNTERMINATED_STRING
    : '"' (~["\\\r\n] | '\\' ~[\r\n])* -> type(STRING)
    ;

// /* a comment that never ends
UNTERMINATED_COMMENT
    : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF -> channel(HIDDEN)
    ;

// any other character
ERROR_CHAR
    : . -> channel(HIDDEN)
    ;

fragment DIGIT
    : [0-9]
    ;

fragment EXPONENT
    : [eE] [+-]? DIGIT+
    ;
